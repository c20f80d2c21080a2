-- The first event of a conversation's inbox, read in one round trip: its inbox member, when it may be attempted
-- again, and its recorded fields.
-- KEYS[1] = inbox, KEYS[2] = attempts hash, KEYS[3] = events stream; ARGV[1] = now (ms)
-- Returns {} when the inbox is empty; {member, retry-at} while the event waits for its next attempt (retry-at in ms,
-- after now); {member, '0'} when it is due but no longer in the stream (trimmed); else {member, '0', field, value, ...}.
local first = redis.call('ZRANGE', KEYS[1], 0, 0)
if #first == 0 then
  return {}
end
local member = first[1]
-- the member pads the stream id's sequence number with zeros (see record-events.lua)
local dash = string.find(member, '-', 1, true)
local sequence = string.gsub(string.sub(member, dash + 1), '^0+', '')
local id = string.sub(member, 1, dash) .. (sequence == '' and '0' or sequence)
local retry_at = redis.call('HGET', KEYS[2], id .. ':retry-at')
if retry_at and tonumber(retry_at) > tonumber(ARGV[1]) then
  return { member, retry_at }
end
local entries = redis.call('XRANGE', KEYS[3], id, id)
if #entries == 0 then
  return { member, '0' }
end
local event = { member, '0' }
for _, value in ipairs(entries[1][2]) do
  event[#event + 1] = value
end
return event
