-- Claims reports that are due: each moves to the end of a lease, so that no other worker takes it meanwhile, and
-- comes back by itself if its worker dies before settling it.
-- KEYS[1] = outbox (zset of ticket ids by next attempt, ms), KEYS[2] = claims hash (ticket id -> token)
-- ARGV[1] = now (ms), ARGV[2] = lease end (ms), ARGV[3] = at most this many, ARGV[4] = the claim's token
-- Returns the claimed ticket ids.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
  redis.call('HSET', KEYS[2], id, ARGV[4])
end
return due
