-- Records the outcome of a report delivery attempt, if the attempt still holds the report's claim.
-- KEYS[1] = outbox (zset), KEYS[2] = claims hash, KEYS[3] = ticket hash
-- ARGV[1] = ticket id, ARGV[2] = claim token, ARGV[3] = outcome: delivered | failed (never retried) |
--   retry (an attempt that failed) | postpone (no attempt was made), ARGV[4] = now (ms), ARGV[5] = error,
--   ARGV[6] = first retry delay (ms), ARGV[7] = longest retry delay (ms)
-- Returns the attempts made so far, -1 when the claim was lost to another worker (whose outcome counts),
-- -2 when the ticket no longer exists (its report is dropped).
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then
  return -1
end
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[3]) == 0 then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return -2
end
local outcome = ARGV[3]
local attempts = tonumber(redis.call('HGET', KEYS[3], 'reportAttempts') or '0')
if outcome ~= 'postpone' then
  attempts = redis.call('HINCRBY', KEYS[3], 'reportAttempts', 1)
end
if outcome == 'delivered' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HSET', KEYS[3], 'reportStatus', 'DELIVERED', 'reportDeliveredAt', ARGV[4])
  return attempts
end
redis.call('HSET', KEYS[3], 'reportLastError', ARGV[5])
if outcome == 'failed' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HSET', KEYS[3], 'reportStatus', 'FAILED')
  return attempts
end
local delay = math.min(tonumber(ARGV[7]), tonumber(ARGV[6]) * 2 ^ math.max(attempts - 1, 0))
redis.call('ZADD', KEYS[1], 'XX', string.format('%.0f', tonumber(ARGV[4]) + delay), ARGV[1])
return attempts
