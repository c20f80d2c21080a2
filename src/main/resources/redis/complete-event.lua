-- Marks an event done: out of its conversation's inbox, its failures forgotten, acknowledged in the group.
-- KEYS[1] = inbox, KEYS[2] = attempts hash, KEYS[3] = events stream; ARGV[1] = stream id, ARGV[2] = group,
-- ARGV[3] = its inbox member
redis.call('ZREM', KEYS[1], ARGV[3])
redis.call('HDEL', KEYS[2], ARGV[1], ARGV[1] .. ':retry-at')
return redis.call('XACK', KEYS[3], ARGV[2], ARGV[1])
