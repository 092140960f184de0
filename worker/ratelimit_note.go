package worker

// msgRateLimited is the polite note for a user over the rate limit.
const msgRateLimited = "たくさんのメッセージをありがとうございます。処理が追いつかないため、1分ほどしてからもう一度お送りください。入力中の応募内容はそのまま残っています。"
