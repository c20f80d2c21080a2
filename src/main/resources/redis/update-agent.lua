-- Sets one field of an existing agent account, never creating a partial one.
-- KEYS[1] = account hash; ARGV[1] = field, ARGV[2] = new value,
-- ARGV[3] = the value the field must still have ('' for any), so that a change decided on a read is not applied
-- over a newer one.
-- Returns 1 when written, 0 when the account does not exist, -1 when the field changed meanwhile.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if ARGV[3] ~= '' and redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[3] then
  return -1
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
