-- Commits one event's turn: the conversation's new state and the messages it sends, together, once per event.
-- KEYS[1] = conversation state hash, KEYS[2] = the event's outgoing messages hash
-- ARGV[1] = state version read, ARGV[2] = state TTL (s), ARGV[3] = messages TTL (s), ARGV[4] = number of messages,
-- then text and quick replies of each message, then field/value pairs of the state.
-- Returns the new version; 0 when this event's turn was committed before (a retry: send what is left of it);
-- -1 when the state moved on since it was read (read again and decide again).
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
if (redis.call('HGET', KEYS[1], 'version') or '0') ~= ARGV[1] then
  return -1
end
local count = tonumber(ARGV[4])
local messages = { 'count', count }
for i = 1, count do
  messages[#messages + 1] = 'text:' .. i
  messages[#messages + 1] = ARGV[3 + 2 * i]
  messages[#messages + 1] = 'quick:' .. i
  messages[#messages + 1] = ARGV[4 + 2 * i]
end
redis.call('HSET', KEYS[2], unpack(messages))
redis.call('EXPIRE', KEYS[2], ARGV[3])
for i = 5 + 2 * count, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return version
