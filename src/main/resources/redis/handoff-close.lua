-- Ends a handoff (released or resolved): the bot answers the conversation again.
-- KEYS[1] = the conversation's handoff hash; ARGV[1] = agent, ARGV[2] = '1' when the caller may close another
-- agent's handoff or a waiting one (a supervisor)
-- Returns '' when closed; '-' when there was none; 'QUEUED' when it waits for an agent; otherwise the agent who
-- holds it.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return '-'
end
local holder = redis.call('HGET', KEYS[1], 'agent') or ''
if ARGV[2] ~= '1' and (status ~= 'HELD' or holder ~= ARGV[1]) then
  if status == 'HELD' then
    return holder
  end
  return 'QUEUED'
end
redis.call('DEL', KEYS[1])
return ''
