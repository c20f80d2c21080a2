-- Creates an agent account unless it exists. KEYS[1] = account hash;
-- ARGV[1] = encoded password, ARGV[2] = role. Returns 1 when created.
-- Password, role and enabled flag are written in one step, so that an account never exists without its role.
if redis.call('HSETNX', KEYS[1], 'password', ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'role', ARGV[2], 'enabled', '1')
  return 1
end
return 0
