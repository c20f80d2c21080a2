-- After a conversation's lease was let go: acknowledges the cue that led to it when its inbox is empty, else tells
-- how many events were recorded since the inbox was last looked at (they may have lost their race for the lease).
-- KEYS[1] = inbox, KEYS[2] = events stream; ARGV[1] = group, ARGV[2] = the cue's stream id. Returns the inbox's size.
local waiting = redis.call('ZCARD', KEYS[1])
if waiting == 0 then
  redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
end
return waiting
