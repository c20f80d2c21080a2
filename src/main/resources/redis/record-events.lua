-- Records webhook events atomically: each event is stored unless its dedupe key was seen.
-- KEYS[1] = events stream; then for event i: KEYS[2i] = its seen key, KEYS[2i+1] = its conversation inbox
-- ARGV[1] = seen-key TTL in seconds; then 7 values per event: kind, account, customer, timestamp, dedupe key,
-- payload, inbox score
-- Returns one flag per event: 1 recorded, 0 duplicate.
local recorded = {}
for i = 1, (#KEYS - 1) / 2 do
  local a = 1 + (i - 1) * 7
  if redis.call('SET', KEYS[2 * i], '1', 'NX', 'EX', ARGV[1]) then
    local id = redis.call('XADD', KEYS[1], '*', 'kind', ARGV[a + 1], 'account', ARGV[a + 2],
      'customer', ARGV[a + 3], 'timestamp', ARGV[a + 4], 'dedupe', ARGV[a + 5], 'payload', ARGV[a + 6])
    redis.call('ZADD', KEYS[2 * i + 1], ARGV[a + 7], id)
    recorded[i] = 1
  else
    recorded[i] = 0
  end
end
return recorded
