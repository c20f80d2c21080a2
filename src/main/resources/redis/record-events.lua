-- Records webhook events atomically: each event is stored unless its dedupe key was seen.
-- KEYS[1] = events stream; then for event i: KEYS[2i] = its seen key, KEYS[2i+1] = its conversation inbox
-- ARGV[1] = seen-key TTL in seconds; then 6 values per event: kind, account, customer, timestamp, dedupe key, payload
-- Returns one flag per event: 1 recorded, 0 duplicate.
--
-- Redis does not roll a script back when a command fails, so every key is checked before anything is written, and
-- an event is marked seen only after it is in the stream and its inbox: a failure can never leave a "seen" event
-- that no inbox holds.
--
-- An inbox member is the event's stream id with its sequence number zero-padded, scored by Meta's timestamp: events
-- stamped with the same millisecond then sort by stream id, that is in the order they arrived, across calls.
local function check(key, expected)
  local actual = redis.call('TYPE', key)['ok']
  if actual ~= 'none' and actual ~= expected then
    return redis.error_reply('WRONGTYPE ' .. key .. ' holds a ' .. actual .. ', not a ' .. expected)
  end
end
local failure = check(KEYS[1], 'stream')
if failure then return failure end
for i = 1, (#KEYS - 1) / 2 do
  failure = check(KEYS[2 * i + 1], 'zset')
  if failure then return failure end
end

local recorded = {}
for i = 1, (#KEYS - 1) / 2 do
  local a = 1 + (i - 1) * 6
  if redis.call('EXISTS', KEYS[2 * i]) == 1 then
    recorded[i] = 0
  else
    local id = redis.call('XADD', KEYS[1], '*', 'kind', ARGV[a + 1], 'account', ARGV[a + 2],
      'customer', ARGV[a + 3], 'timestamp', ARGV[a + 4], 'dedupe', ARGV[a + 5], 'payload', ARGV[a + 6])
    local dash = string.find(id, '-', 1, true)
    local seq = string.sub(id, dash + 1)
    redis.call('ZADD', KEYS[2 * i + 1], ARGV[a + 4], string.sub(id, 1, dash) .. string.rep('0', 10 - #seq) .. seq)
    redis.call('SET', KEYS[2 * i], '1', 'EX', ARGV[1])
    recorded[i] = 1
  end
end
return recorded
