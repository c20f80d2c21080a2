-- Drops recorded events older than the retention; stream ids start with their epoch-ms arrival time.
-- KEYS[1] = events stream; ARGV[1] = oldest id to keep
return redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[1])
