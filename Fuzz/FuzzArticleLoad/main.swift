import FuzzSupport

FuzzDriver.run { data, size in fuzzArticleLoad(data, size) }
