-- Records a webhook body's events atomically: each event is stored unless its dedupe key was seen.
-- KEYS[1] = events stream; then for event i: KEYS[2i] = its seen key, KEYS[2i+1] = its conversation inbox
-- ARGV[1] = seen-key TTL in seconds, ARGV[2] = received-at epoch ms;
-- then 6 values per event: kind, account, customer, timestamp, dedupe key, payload
-- Returns one flag per event: 1 recorded, 0 duplicate.
-- The inbox score is timestamp * 1000 + the event's place in the call, so that events Meta stamped with the same
-- millisecond keep the order Meta sent them in (and stay exact integers for a double).
local recorded = {}
local events = (#KEYS - 1) / 2
for i = 1, events do
  local a = 2 + (i - 1) * 6
  if redis.call('SET', KEYS[2 * i], '1', 'NX', 'EX', ARGV[1]) then
    local id = redis.call('XADD', KEYS[1], '*', 'kind', ARGV[a + 1], 'account', ARGV[a + 2],
      'customer', ARGV[a + 3], 'timestamp', ARGV[a + 4], 'dedupe', ARGV[a + 5], 'received', ARGV[2],
      'payload', ARGV[a + 6])
    local score = string.format('%.0f', tonumber(ARGV[a + 4]) * 1000 + math.min(i - 1, 999))
    redis.call('ZADD', KEYS[2 * i + 1], score, id)
    recorded[i] = 1
  else
    recorded[i] = 0
  end
end
return recorded
