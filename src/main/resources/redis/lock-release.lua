-- KEYS[1] = lock; ARGV[1] = owner token. Only the owner may release; a lock that expired and was taken stays.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
