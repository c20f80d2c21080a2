-- Takes one unit of an Instagram account's Send API budget for the current second, shared by every instance.
-- KEYS[1] = the units taken in the current second; ARGV[1] = units per second, ARGV[2] = units that must be left
-- after this one (0 for a reply, the replies' reserve for a sender action).
-- Seconds are Redis's own (TIME), so that instances whose clocks drift apart still share one window; the key expires
-- when its second ends. Returns 0 when the unit is taken, else the milliseconds until the next second.
local time = redis.call('TIME')
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + 1 + tonumber(ARGV[2]) > tonumber(ARGV[1]) then
  return 1000 - math.floor(tonumber(time[2]) / 1000)
end
if redis.call('INCR', KEYS[1]) == 1 then
  redis.call('PEXPIREAT', KEYS[1], (tonumber(time[1]) + 1) * 1000)
end
return 0
