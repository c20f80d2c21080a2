-- Commits one event's turn: the conversation's new state, the messages it sends and its lines in the transcript,
-- together and once per event.
-- KEYS[1] = conversation state hash, KEYS[2] = the event's outgoing messages hash, KEYS[3] = transcript list
-- ARGV[1] = state version read, ARGV[2] = state TTL (s), ARGV[3] = messages TTL (s), ARGV[4] = number of messages,
-- ARGV[5] = number of transcript lines, ARGV[6] = transcript lines kept at most; then text and quick replies of each
-- message, then the transcript lines, then field/value pairs of the state.
-- Returns the new version; 0 when this event's turn was committed before (a retry: send what is left of it);
-- -1 when the state moved on since it was read (read again and decide again).
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
if (redis.call('HGET', KEYS[1], 'version') or '0') ~= ARGV[1] then
  return -1
end
local count = tonumber(ARGV[4])
local lines = tonumber(ARGV[5])
local messages = { 'count', count }
for i = 1, count do
  messages[#messages + 1] = 'text:' .. i
  messages[#messages + 1] = ARGV[5 + 2 * i]
  messages[#messages + 1] = 'quick:' .. i
  messages[#messages + 1] = ARGV[6 + 2 * i]
end
redis.call('HSET', KEYS[2], unpack(messages))
redis.call('EXPIRE', KEYS[2], ARGV[3])
local first_line = 7 + 2 * count
for i = first_line, first_line + lines - 1 do
  redis.call('RPUSH', KEYS[3], ARGV[i])
end
if lines > 0 then
  redis.call('LTRIM', KEYS[3], -tonumber(ARGV[6]), -1)
  redis.call('EXPIRE', KEYS[3], ARGV[2])
end
for i = first_line + lines, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return version
