-- Reserves one outgoing message for sending, at most once, and only for the holder of the conversation's lease.
-- KEYS[1] = conversation lease, KEYS[2] = the event's outgoing messages; ARGV[1] = lease owner, ARGV[2] = message number,
-- ARGV[3] = this attempt's token, kept beside the reservation so that only this attempt can free it again
-- Returns 'send' when the caller may send it now; 'lost' when the lease is no longer the caller's; otherwise the status
-- the message has: 'sent', 'refused', 'unknown', or 'sending' (an earlier attempt sent it and never learnt the outcome).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 'lost'
end
local status = redis.call('HGET', KEYS[2], 'status:' .. ARGV[2])
if status then
  return status
end
redis.call('HSET', KEYS[2], 'status:' .. ARGV[2], 'sending', 'sender:' .. ARGV[2], ARGV[3])
return 'send'
