-- Marks a ticket resolved, unless it does not exist.
-- KEYS[1] = ticket hash; ARGV[1] = outcome, ARGV[2] = resolved at (ms)
-- Returns 1 when resolved, 0 for an unknown ticket.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'RESOLVED', 'outcome', ARGV[1], 'resolvedAt', ARGV[2])
return 1
