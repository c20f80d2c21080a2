-- Stores a new ticket and enqueues its report together, so that neither can exist without the other.
-- KEYS[1] = ticket hash, KEYS[2] = all tickets (zset), KEYS[3] = the conversation's tickets (zset),
-- KEYS[4] = report outbox (zset), KEYS[5] (optional) = request key
-- ARGV[1] = ticket id, ARGV[2] = created at (ms), ARGV[3] = request key TTL (s), then field/value pairs
-- Returns the id of the stored ticket: the one already opened under the request key, if any.
if KEYS[5] then
  local opened = redis.call('GET', KEYS[5])
  if opened then
    return opened
  end
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('ticket ' .. ARGV[1] .. ' exists already')
end
if KEYS[5] then
  redis.call('SET', KEYS[5], ARGV[1], 'EX', ARGV[3])
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return ARGV[1]
