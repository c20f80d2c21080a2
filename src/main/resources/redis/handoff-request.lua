-- Queues a conversation for an agent, unless it waits or is held already.
-- KEYS[1] = the conversation's handoff hash; ARGV[1] = the requesting event, ARGV[2] = TTL (s), then field/value pairs
-- of the new handoff.
-- Returns 1 when this event queued it (now, or in an earlier attempt of the same event); 0 when it was there before.
local requested = redis.call('HGET', KEYS[1], 'requestedBy')
if requested then
  if requested == ARGV[1] then
    return 1
  end
  return 0
end
redis.call('HSET', KEYS[1], 'requestedBy', ARGV[1], unpack(ARGV, 3))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
