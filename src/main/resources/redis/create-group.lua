-- Creates the consumer group (and the stream) unless it exists; other instances may race to do the same.
-- KEYS[1] = events stream; ARGV[1] = group
local ok, err = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
if ok then
  return 1
end
if string.find(tostring(err), 'BUSYGROUP') then
  return 0
end
return redis.error_reply(tostring(err))
