-- Tells the group that this consumer is still working on these events, so that no other instance takes them over
-- while they wait for their next attempt or run long. Entries acknowledged meanwhile are skipped by XCLAIM.
-- KEYS[1] = events stream; ARGV[1] = group, ARGV[2] = this consumer, then the stream ids.
local command = { 'XCLAIM', KEYS[1], ARGV[1], ARGV[2], '0' }
for i = 3, #ARGV do
  command[#command + 1] = ARGV[i]
end
command[#command + 1] = 'JUSTID'
return #redis.call(unpack(command))
