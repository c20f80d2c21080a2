-- An agent takes a conversation: one agent at a time. The state's version moves on, so that a bot reply decided
-- before the claim is decided again, and silently.
-- KEYS[1] = the conversation's handoff hash, KEYS[2] = the conversation's state hash
-- ARGV[1] = agent, ARGV[2] = now (ms), ARGV[3] = handoff TTL (s), ARGV[4] = TTL (s) of a state the claim creates (the
-- customer never wrote), then field/value pairs of a handoff opened by the claim itself (the conversation was not
-- waiting).
-- Returns '' when the caller holds it now; otherwise the agent who holds it.
local holder = redis.call('HGET', KEYS[1], 'agent')
if redis.call('HGET', KEYS[1], 'status') == 'HELD' then
  if holder == ARGV[1] then
    return ''
  end
  return holder
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 5))
end
redis.call('HSET', KEYS[1], 'status', 'HELD', 'agent', ARGV[1], 'claimedAt', ARGV[2], 'lastAgentAt', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('HINCRBY', KEYS[2], 'version', 1)
if redis.call('TTL', KEYS[2]) < 0 then
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return ''
