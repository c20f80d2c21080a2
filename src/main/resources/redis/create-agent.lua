-- Creates an agent account unless it exists. KEYS[1] = account hash; ARGV[1] = encoded password, ARGV[2] = role
-- Returns 1 when created.
if redis.call('HSETNX', KEYS[1], 'password', ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'role', ARGV[2])
  return 1
end
return 0
