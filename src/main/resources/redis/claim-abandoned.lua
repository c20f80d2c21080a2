-- Takes over a page of events that their consumer left unacknowledged for too long (it died, or lost its lease),
-- scanning the whole pending list page by page with a cursor, so that entries waiting for something at its head
-- never hide abandoned ones behind them.
-- KEYS[1] = events stream; ARGV[1] = group, ARGV[2] = this consumer, ARGV[3] = min idle ms, ARGV[4] = cursor,
-- ARGV[5] = page size
-- Returns the next cursor ('0-0' once the scan is complete), then id, account, customer, dedupe key per claimed event.
local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local cues = { claimed[1] }
for _, entry in ipairs(claimed[2]) do
  local id, fields = entry[1], entry[2]
  if fields then
    local value = {}
    for i = 1, #fields, 2 do
      value[fields[i]] = fields[i + 1]
    end
    table.insert(cues, id)
    table.insert(cues, value['account'] or '')
    table.insert(cues, value['customer'] or '')
    table.insert(cues, value['dedupe'] or '')
  else
    -- trimmed from the stream before anyone processed it: nothing is left to do
    redis.call('XACK', KEYS[1], ARGV[1], id)
  end
end
return cues
