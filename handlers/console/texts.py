"""Vietnamese texts of the console channel."""

WELCOME = (
    "Trợ lý Chi bộ – trò chuyện trong console. Gõ câu hỏi rồi Enter; gõ số để bấm nút; "
    "/help để xem hướng dẫn; /thoat (hoặc Ctrl-D) để thoát."
)
PROMPT = "bạn> "
BYE = "Tạm biệt đồng chí!"
DELIVERED = "Đã gửi các nhắc việc đến hạn: {count}."
EXPORTED = "Đã lưu tệp {name} ({size} byte) tại: {path}"
