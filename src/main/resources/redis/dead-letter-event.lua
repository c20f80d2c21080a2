-- Moves an event that keeps failing to the dead-letter stream, then completes it like a processed one.
-- KEYS[1] = inbox, KEYS[2] = attempts hash, KEYS[3] = events stream, KEYS[4] = dead-letter stream
-- ARGV[1] = stream id, ARGV[2] = group, ARGV[3] = last error, ARGV[4] = dead letters kept at most, ARGV[5] = its inbox
-- member
local entries = redis.call('XRANGE', KEYS[3], ARGV[1], ARGV[1])
local fields = { 'event_id', ARGV[1], 'error', ARGV[3], 'attempts', redis.call('HGET', KEYS[2], ARGV[1]) or '0' }
if #entries == 1 then
  for _, value in ipairs(entries[1][2]) do
    table.insert(fields, value)
  end
end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], '*', unpack(fields))
redis.call('ZREM', KEYS[1], ARGV[5])
redis.call('HDEL', KEYS[2], ARGV[1], ARGV[1] .. ':retry-at')
return redis.call('XACK', KEYS[3], ARGV[2], ARGV[1])
