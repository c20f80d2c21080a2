-- Counts a failed login for one username or one client address over a sliding window, and starts its cooldown
-- when the limit is reached. KEYS[1] = failures (sorted set, scored by time), KEYS[2] = cooldown (its end, in ms);
-- ARGV[1] = now (ms), ARGV[2] = window (ms), ARGV[3] = limit, ARGV[4] = cooldown (ms), ARGV[5] = a unique member.
-- Times come from the caller's clock, so that every instance and the tests agree on them; the key expiries only
-- clean up. Returns the failures within the window.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], window)
local failures = redis.call('ZCARD', KEYS[1])
if failures >= tonumber(ARGV[3]) then
  local cooldown = tonumber(ARGV[4])
  redis.call('SET', KEYS[2], now + cooldown, 'PX', cooldown)
end
return failures
