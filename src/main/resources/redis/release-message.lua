-- Frees a reserved outgoing message whose Send API call never began (its send was cancelled before), so that the
-- event's next attempt sends it. Only the attempt that reserved it can free it, and only while it is still marked
-- 'sending': a reservation of an earlier attempt may have reached Meta, and a verdict since written stays.
-- KEYS[1] = the event's outgoing messages; ARGV[1] = message number, ARGV[2] = the attempt's token.
-- Returns 1 when the reservation was freed.
local status = 'status:' .. ARGV[1]
local sender = 'sender:' .. ARGV[1]
if redis.call('HGET', KEYS[1], status) == 'sending' and redis.call('HGET', KEYS[1], sender) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], status, sender)
end
return 0
