"""Vietnamese texts of the Zalo channel."""

CHOICES_HINT = "Gõ số để chọn: {choices}"
DONE_HINT = "Khi đã hoàn thành, gõ: /xong {deadline}"
FILES_NOT_SUPPORTED = ("Zalo chưa gửi tệp cho bot được. Để nạp văn bản hoặc bảng hỏi – đáp, "
                       "đồng chí dùng Telegram hoặc lệnh `chibo kb import` trên máy chủ.")
UNSUPPORTED = ("Tôi chỉ đọc được tin nhắn chữ. Đồng chí vui lòng gõ câu hỏi, ví dụ: "
               "\"đảng viên không được làm gì?\"")
FILE_NOT_SENT = ("Zalo chưa cho bot gửi tệp, nên tệp {name} chưa gửi được. Đồng chí lấy tệp "
                 "qua Telegram (/xuathoidap) hoặc lệnh `chibo kb qa export` trên máy chủ.")
