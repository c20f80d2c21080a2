-- Compare-and-set of a conversation record: applies the fields only if nobody changed it since it was read.
-- KEYS[1] = conversation hash; ARGV[1] = version read, ARGV[2] = TTL seconds, then field/value pairs.
-- Returns the new version, or -1 when the record moved on (the caller reads again and retries).
if (redis.call('HGET', KEYS[1], 'version') or '0') ~= ARGV[1] then
  return -1
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return version
