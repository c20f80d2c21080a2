-- Counts a failed attempt and sets when the event may be tried again, doubling the wait each time.
-- KEYS[1] = attempts hash; ARGV[1] = stream id, ARGV[2] = now (ms), ARGV[3] = first wait (ms)
-- Returns the number of attempts so far and the time (ms) of the next attempt.
local attempts = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
local retry_at = tonumber(ARGV[2]) + tonumber(ARGV[3]) * 2 ^ (attempts - 1)
redis.call('HSET', KEYS[1], ARGV[1] .. ':retry-at', string.format('%.0f', retry_at))
return { attempts, retry_at }
