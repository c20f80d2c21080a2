-- Notes an agent's activity on the conversation they hold, which keeps it from going back to the queue.
-- KEYS[1] = the conversation's handoff hash; ARGV[1] = agent, ARGV[2] = now (ms)
-- Returns '' when the caller holds it; 'QUEUED' when it waits for an agent; '-' when it does neither; otherwise the
-- agent who holds it.
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'HELD' then
  return status or '-'
end
local holder = redis.call('HGET', KEYS[1], 'agent')
if holder ~= ARGV[1] then
  return holder
end
redis.call('HSET', KEYS[1], 'lastAgentAt', ARGV[2])
return ''
