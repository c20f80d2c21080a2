-- Puts a held conversation back in the queue when its agent has been idle, unless the agent acted meanwhile.
-- KEYS[1] = the conversation's handoff hash; ARGV[1] = agent, ARGV[2] = their last activity as read (ms)
-- Returns 1 when requeued.
if redis.call('HGET', KEYS[1], 'status') ~= 'HELD' or redis.call('HGET', KEYS[1], 'agent') ~= ARGV[1]
    or redis.call('HGET', KEYS[1], 'lastAgentAt') ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'QUEUED')
redis.call('HDEL', KEYS[1], 'agent', 'claimedAt', 'lastAgentAt')
return 1
