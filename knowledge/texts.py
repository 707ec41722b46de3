"""Every Vietnamese sentence the conversation says, in one place for review by a native speaker."""

BOT_NAME = "Trợ lý Chi bộ"

START = (
    "Xin chào đồng chí! Tôi là Trợ lý Chi bộ.\n"
    "Đồng chí hãy gõ câu hỏi về điều lệ, quy định, kế hoạch của Đảng; tôi sẽ trả lời "
    "kèm trích dẫn văn bản. Gõ /help để xem hướng dẫn."
)
HELP_TITLE = "Hướng dẫn sử dụng Trợ lý Chi bộ"
HELP_LINES = (
    "• Trong tin nhắn riêng: gõ thẳng câu hỏi, có dấu hay không dấu đều được.",
    "• Trong nhóm chi bộ: gõ /hoi rồi câu hỏi, hoặc trả lời (reply) tin nhắn của tôi.",
    "• Hỏi theo số hiệu: \"QĐ 37 điều 14\", \"nhiệm vụ thứ 5 của kế hoạch 147\", "
    "\"mục 2.2.5 kế hoạch của Thị ủy\".",
    "• Bấm \"Kết quả khác\" để xem đoạn văn bản khác; bấm 👍 hoặc 👎 để góp ý.",
)
HELP_EXAMPLES_TITLE = "Ví dụ câu hỏi:"
HELP_EXAMPLES = (
    "/hoi đảng viên không được làm những gì?",
    "dang vien co duoc uong ruou bia khong",
    "QĐ 37 điều 14",
    "báo cáo trước ngày mấy hằng tháng",
)
HELP_COMMANDS = (
    "/start – lời chào",
    "/help – hướng dẫn này",
    "/hoi <câu hỏi> – hỏi đáp (dùng được trong nhóm)",
)

ASK_EMPTY = "Đồng chí hãy gõ câu hỏi sau lệnh /hoi, ví dụ: /hoi đảng viên không được làm gì?"
ASK_TOO_LONG = (
    "Câu hỏi dài quá ({length} ký tự). Đồng chí vui lòng hỏi ngắn gọn, dưới {limit} ký tự."
)
ASK_NO_WORDS = "Tôi chưa đọc được câu hỏi. Đồng chí vui lòng gõ câu hỏi bằng chữ."
UNSUPPORTED_MESSAGE = (
    "Tôi chỉ đọc được câu hỏi bằng chữ. Đồng chí vui lòng gõ câu hỏi, ví dụ: "
    "\"đảng viên không được làm gì?\""
)
UNKNOWN_COMMAND = "Tôi chưa hiểu lệnh này. Gõ /help để xem các lệnh."

RESULT_POSITION = "Kết quả {rank}/{total}"
RESULT_QA = "Hỏi – đáp"
SOURCE = "Nguồn: {citation}"
NOT_FOUND = (
    "Xin lỗi đồng chí, tôi chưa tìm thấy câu trả lời trong các văn bản hiện có. "
    "Câu hỏi đã được ghi lại để cán bộ phụ trách bổ sung."
)
NEAREST_TOPICS = "Có thể đồng chí quan tâm:"
NO_TOPICS = "Đồng chí có thể hỏi lại bằng cách khác, hoặc gõ /help để xem ví dụ."

BUTTON_MORE = "Kết quả khác ▶"
BUTTON_PREVIOUS = "◀ Trước"
BUTTON_HELPFUL = "👍 Đúng"
BUTTON_UNHELPFUL = "👎 Chưa đúng"
BUTTON_TOPIC = "Xem: {title}"

FEEDBACK_THANKS = "Cảm ơn đồng chí đã góp ý!"
FEEDBACK_RECORDED_BAD = "Cảm ơn đồng chí! Câu trả lời chưa đúng đã được ghi lại để bổ sung."
ACTION_EXPIRED = "Nút này đã cũ. Đồng chí vui lòng hỏi lại."
RESULT_GONE = "Đoạn văn bản này không còn trong cơ sở dữ liệu. Đồng chí vui lòng hỏi lại."
NO_MORE_RESULTS = "Không còn kết quả nào khác."
