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
UNKNOWN_COMMAND_NEAR = ("Tôi chưa hiểu lệnh /{typed}. Có phải đồng chí muốn gõ /{name} ({about})? "
                        "Gõ /help để xem các lệnh.")

RESULT_POSITION = "Kết quả {rank}/{total}"
RESULT_QA = "Hỏi – đáp"
SOURCE = "Nguồn: {citation}"
NOT_FOUND = (
    "Xin lỗi đồng chí, tôi chưa tìm thấy câu trả lời trong các văn bản hiện có. "
    "Câu hỏi đã được ghi lại để cán bộ phụ trách bổ sung."
)
NEAREST_TOPICS = "Có thể đồng chí quan tâm:"
LAW_NOT_LOADED = "Cơ sở dữ liệu chưa có {name}, nên tôi không trích điều của luật khác."
NO_ARTICLE = "{name} chỉ có {count} điều; không có Điều {article}."
NO_INSERTED_ARTICLE = "{name} không có Điều {article}."
NO_ARTICLES = "{name} không chia thành điều, nên không có Điều {article}."
# Asked for a clause or point the named article lacks: said, then the nearest part is shown
# Above the passage that says when (and by whom) a document was issued
PASSED_ON = "{name} được thông qua ngày {date}."
ISSUED_OWN = "{name} ban hành ngày {date}."
ISSUED_CITED = "Theo văn bản đã nạp có trích dẫn, {name} ban hành ngày {date}."
ISSUED_CITED_BY = "Theo văn bản đã nạp có trích dẫn, {name} ban hành ngày {date}, của {by}."
NO_SIGNATURE = ("Văn bản đã nạp có nội dung của {name} nhưng không có phần chữ ký, nên chưa biết "
                "người ký.")
ARTICLE_COUNT = "{name} có {count} điều (từ Điều {first} đến Điều {last})."
NO_ARTICLES_AT_ALL = "{name} không chia thành điều."
NO_CLAUSE = "Điều {article} không có khoản {clause}; dưới đây là Điều {article}."
NO_CLAUSES = "Điều {article} không chia khoản; dưới đây là Điều {article}."
NO_POINT = "{place} không có điểm {point}; dưới đây là {place}."
POINT_IN_SEVERAL = ("Điều {article} có điểm {point} ở nhiều khoản; dưới đây là Điều {article} "
                    "(có thể hỏi kèm khoản, ví dụ: “điểm {point} khoản 1 điều {article}”).")
WHICH_ARTICLE = ("Điều {article} có trong {count} văn bản. Đồng chí hỏi Điều {article} của văn "
                 "bản nào? (lần sau có thể hỏi: “{example} điều {article}”)")
QUOTED_FROM = "📄 Nguyên văn ({citation}):\n{text}"  # below a curated answer, what it quotes
KEY_LINE = "👉 {line}"  # the passage's line that answers, above the passage itself
UNSURE = "Tôi chưa chắc chắn. Có thể đồng chí muốn hỏi về đoạn sau:"
UNSURE_HINT = ("Nếu chưa đúng, đồng chí bấm 👎 hoặc hỏi lại rõ hơn; câu hỏi đã được ghi lại để "
               "cán bộ phụ trách bổ sung.")

# Small talk: a short friendly reply, no search.
SMALL_TALK = {
    "greeting": "Chào đồng chí! Đồng chí cứ gõ câu hỏi về quy định, kế hoạch của Đảng; "
                "gõ /help để xem ví dụ.",
    "thanks": "Không có gì ạ. Đồng chí cần hỏi gì thêm cứ nhắn nhé!",
    "bye": "Chào đồng chí, hẹn gặp lại!",
    "ack": "Vâng ạ. Đồng chí cần hỏi gì thêm cứ nhắn nhé!",
    "who": "Tôi là Trợ lý Chi bộ: tôi trả lời câu hỏi từ các văn bản, quy định đã được nạp "
           "và nhắc lịch sinh hoạt, hạn báo cáo. Gõ /help để xem hướng dẫn.",
    "vague": "Câu hỏi ngắn quá, tôi chưa hiểu ý đồng chí. Đồng chí gõ cả câu giúp, ví dụ: "
             "\"đảng viên không được làm những gì?\"",
}
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

# Curation by admins (private chat only).
ONLY_ADMINS = "Lệnh này dành cho cán bộ quản trị của cấp ủy."
ONLY_SUPERADMINS = "Chỉ quản trị viên cấp cao (cấu hình ADMIN_IDS) mới cấp hoặc thu hồi quyền."
ONLY_PRIVATE = "Lệnh quản trị chỉ dùng trong tin nhắn riêng với bot."
MEMBERS_ONLY = ("Trợ lý hiện chỉ trả lời đảng viên của các chi bộ đã đăng ký. Đồng chí hãy hỏi "
                "trong nhóm chi bộ, hoặc nhờ cán bộ quản trị thêm mình.")
TOO_MANY_QUESTIONS = "Đồng chí hỏi hơi nhanh; vui lòng đợi một phút rồi hỏi tiếp."
DIALOG_ASK = {
    "question": "Bước 1/4 – Gõ câu hỏi (như đảng viên thường hỏi).",
    "answer": "Bước 2/4 – Gõ câu trả lời.",
    "alternates": "Bước 3/4 – Các cách hỏi khác, cách nhau bằng dấu | (gõ - để bỏ qua).",
    "citation": "Bước 4/4 – Nguồn trích dẫn, ví dụ \"Quy định số 37-QĐ/TW, Điều 18\" "
                "(gõ - để bỏ qua).",
}
DIALOG_PREFILLED = "Thêm câu trả lời cho câu hỏi: {question}"
DIALOG_QUEUE_ANSWER = ("Gõ câu trả lời: gửi là lưu ngay (các cách hỏi của đảng viên thành cách "
                       "hỏi khác; nguồn thêm sau cũng được).")
DIALOG_CANCEL_HINT = "Gõ /huy để hủy bất cứ lúc nào."
DIALOG_INVALID = "Chưa được: {reason}."
DIALOG_PREVIEW = "Xem lại mục hỏi – đáp:"
DIALOG_SAVED = "✅ Đã lưu mục hỏi – đáp #{id}; đảng viên hỏi là có câu trả lời ngay."
DIALOG_SAVED_FROM_QUEUE = ("✅ Đã lưu mục hỏi – đáp #{id} và đánh dấu {count} câu hỏi đang chờ là "
                           "đã có câu trả lời; cách hỏi của đảng viên thành cách hỏi khác.")
DIALOG_ADD_SOURCE = ("Thêm nguồn (không bắt buộc): /suahoidap {id} citation "
                     "<văn bản, điều, khoản>")
DIALOG_RIGHTS_GONE = "Đồng chí không còn quyền quản trị; cuộc thêm mục đã dừng, không lưu gì."
DIALOG_CANCELLED = "Đã hủy, không lưu gì."
DIALOG_GONE = "Không còn cuộc thêm mục nào đang dở. Gõ /themhoidap để bắt đầu."
NOTHING_TO_CANCEL = "Không có việc gì đang dở để hủy."
FIELD_NAMES = {"question": "Câu hỏi", "answer": "Trả lời", "alternates": "Cách hỏi khác",
               "citation": "Nguồn", "tags": "Thẻ"}
NONE = "(không có)"
BUTTON_SAVE = "✅ Lưu"
BUTTON_RESTART = "✏️ Làm lại"
BUTTON_CANCEL = "❌ Hủy"
EDIT_USAGE = ("Cách dùng: /suahoidap <mã> <trường> <nội dung mới>; trường là question, answer, "
              "alternates, citation hoặc tags. Ví dụ: /suahoidap 12 answer Nội dung mới")
ID_USAGE = "Cần mã mục hỏi – đáp, ví dụ: {command} 12"
DOC_ID_USAGE = "Cần mã văn bản (xem bằng /vanban), ví dụ: /xoavanban 3"
NO_ENTRY = "Không có mục hỏi – đáp #{id}."
EDITED = "Đã sửa {field} của mục #{id}."
HIDDEN = "Đã ẩn mục #{id}; đảng viên sẽ không thấy nữa."
SHOWN = "Đã hiện lại mục #{id}."
ENTRY_STATE = {True: "đang hiện", False: "đang ẩn"}
SEARCH_USAGE = "Cách dùng: /timhoidap <từ khóa>"
NO_MATCH = "Không tìm thấy mục nào."
UNANSWERED_TITLE = "Câu hỏi chưa có câu trả lời (nhiều lần hỏi nhất trước):"
UNANSWERED_WEEKLY = ("Tuần này, các câu hỏi đảng viên hỏi mà bot chưa trả lời được (gõ "
                     "/chuatraloi để trả lời):")
UNANSWERED_EMPTY = "Không còn câu hỏi nào chưa được trả lời. 👍"
UNANSWERED_LINE = "{count} lần: {sample} (lần cuối {day})"
BUTTON_ANSWER = "Trả lời: {sample}"
GRANT_USAGE = "Cách dùng: /capquyen <mã người dùng Telegram> [tên]; /thuquyen <mã>"
GRANTED = "Đã cấp quyền quản trị."
REVOKED = "Đã thu hồi quyền quản trị."
UNCHANGED = "Không có gì thay đổi."
AUDIT_TITLE = "Nhật ký thay đổi gần đây (giờ Việt Nam):"
AUDIT_EMPTY = "Nhật ký còn trống: chưa có thay đổi nào được ghi."
AUDIT_ACTIONS = {  # the audit log's action codes in words; unknown codes are shown as they are
    "admin.grant": "cấp quyền quản trị", "admin.revoke": "thu hồi quyền quản trị",
    "member.add": "thêm đảng viên được hỏi", "qa.add": "thêm hỏi đáp",
    "synonyms.add": "thêm nhóm đồng nghĩa", "synonyms.remove": "xóa nhóm đồng nghĩa",
    "qa.import.add": "nhập hỏi đáp mới", "qa.import.edit": "nhập sửa hỏi đáp",
    "qa.show": "hiện hỏi đáp", "qa.hide": "ẩn hỏi đáp", "document.remove": "xóa văn bản",
    "branch.add": "tạo chi bộ", "branch.bind": "gắn nhóm với chi bộ",
    "branch.invite": "cấp mã đăng ký", "branch.officer": "ghi nhận bí thư/phó bí thư",
    "schedule.set": "đặt lịch sinh hoạt", "deadline.add": "thêm hạn chót",
    "deadline.done": "báo xong hạn chót",
}
DOCS_TITLE = "Văn bản trong cơ sở dữ liệu:"
DOCS_EMPTY = ("Chưa có văn bản nào. Gửi tệp .docx, .doc, .pdf (kể cả bản quét), .txt hoặc .md "
              "cho bot để nhập.")
DOC_REMOVED = "Đã xóa văn bản #{id}: {citation}"
NO_DOC = "Không có văn bản #{id}."
FILE_TOO_BIG = "Tệp lớn hơn 20 MB; Telegram không cho bot tải tệp lớn như vậy."
FILE_UNKNOWN = ("Tôi chỉ nhập được văn bản .docx, .doc, .odt, .rtf, .pdf (kể cả bản quét), .txt, "
                ".md, hoặc bảng hỏi – đáp .csv, .xlsx.")
FILE_IMPORTED = "Đã nhập: {summary}"
FILE_FAILED = "Không nhập được {name}: {error}"
SHEET_BAD_ROWS = "Có {count} dòng lỗi, chưa nhập gì:"
SHEET_DONE = "Thêm {created}, cập nhật {updated}, giữ nguyên {unchanged}."
SHEET_RETRY = ("Sửa các dòng trên rồi gửi lại tệp; hoặc gửi lại tệp kèm chú thích \"hợp lệ\" "
               "để chỉ nhập các dòng hợp lệ.")
EXPORT_CAPTION = ("Các mục hỏi – đáp. Sửa trong bảng tính rồi gửi lại tệp cho bot để cập nhật; "
                  "giữ nguyên cột ma.")
MEMBER_USAGE = "Cách dùng: /themdangvien <mã người dùng Telegram>"
MEMBER_ADDED = "Đã thêm; người này hỏi được bot kể cả khi chỉ đảng viên đã đăng ký được hỏi."

# Synonym groups added by admins (/dongnghia, chibo kb synonyms).
SYNONYM_TOO_FEW = ("Cần ít nhất hai cách nói khác nhau, cách nhau bằng dấu | hoặc =, ví dụ: "
                   "/dongnghia nhậu = uống rượu, bia")
SYNONYM_TOO_MANY = "Một nhóm có tối đa {limit} cách nói."
SYNONYM_TOO_LONG = "Cách nói \"{member}…\" dài quá {limit} ký tự."
SYNONYM_NO_WORDS = "\"{member}\" không có chữ nào."
SYNONYM_ADDED = "Đã thêm nhóm đồng nghĩa #{id}: {members}. Có hiệu lực ngay cho câu hỏi mới."
SYNONYM_ID_USAGE = "Cần số của nhóm, ví dụ: /dongnghia xoa 3"
SYNONYM_REMOVED = "Đã xóa nhóm đồng nghĩa #{id}."
SYNONYM_NOT_FOUND = "Không có nhóm đồng nghĩa #{id} (chỉ xóa được nhóm do quản trị thêm)."
SYNONYM_TITLE = ("Từ đồng nghĩa: {built_in} nhóm có sẵn và {added} nhóm do quản trị thêm. "
                 "Thêm: /dongnghia nhậu = uống rượu, bia. Xóa: /dongnghia xoa <số>.")
SYNONYM_LINE = "#{id} {members} ({by}, {day})"

# importing a document: the limits that protect the bot (knowledge/documents/worker.py, readers.py)
IMPORT_TOO_SLOW = ("đọc tệp quá {seconds} giây nên đã dừng; hãy tách tệp thành nhiều tệp nhỏ "
                   "hơn (ví dụ mỗi chương một tệp)")
IMPORT_TOO_MUCH_MEMORY = ("đọc tệp cần quá {mib} MB bộ nhớ nên đã dừng; hãy tách tệp thành nhiều "
                          "tệp nhỏ hơn")
IMPORT_CANNOT_OPEN = "không mở được tệp ({reason})"
IMPORT_BROKEN = "tệp hỏng hoặc có cấu trúc lạ, không đọc được ({error})"
IMPORT_TOO_LARGE = "tệp lớn hơn {mib} MB; hãy tách thành nhiều tệp nhỏ hơn"
IMPORT_UNPACKS_TOO_LARGE = ("tệp .docx giải nén ra hơn {mib} MB (bất thường với một văn bản); "
                            "hãy lưu lại bằng Word hoặc tách thành nhiều tệp")
IMPORT_TOO_MANY_PARAGRAPHS = "tệp có hơn {limit} đoạn; hãy tách thành nhiều tệp nhỏ hơn"
IMPORT_BAD_DOCX = "tệp .docx bị hỏng hoặc không phải Word"
IMPORT_CONVERTED = "văn bản gõ bằng bảng mã {encoding} cũ, đã chuyển sang Unicode"

# scanned PDFs (knowledge/documents/ocr.py) and old Word files (knowledge/documents/convert.py)
OCR_MISSING = ("PDF này là bản quét (ảnh, không có lớp chữ); để nhận dạng chữ, người quản trị "
               "máy chủ cần cài Tesseract: sudo apt-get install tesseract-ocr tesseract-ocr-vie")
OCR_NO_VIETNAMESE = ("PDF này là bản quét; Tesseract đã có nhưng thiếu gói tiếng Việt: "
                     "sudo apt-get install tesseract-ocr-vie")
OCR_TOO_SLOW = "nhận dạng một trang quét quá {seconds} giây nên đã dừng (ảnh quá lớn?)"
OCR_FAILED = "Tesseract không nhận dạng được một trang quét ({reason})"
OCR_CANNOT_RENDER = "không dựng được trang PDF thành ảnh để nhận dạng chữ (tệp hỏng?)"
OCR_NOTHING_READ = ("PDF không có chữ nào đọc được, kể cả sau khi nhận dạng ảnh (trang trắng "
                    "hoặc ảnh quá mờ?); hãy quét lại ở 300 dpi hoặc gửi bản .docx")
IMPORT_SCANNED = ("{count} trang là ảnh quét, đã nhận dạng chữ (OCR); trích dẫn ghi số trang "
                  "để đối chiếu với bản giấy")
CITE_SCANNED_PAGE = "ảnh quét, trang {page}"
IMPORT_PAGES = "{name}: nhận dạng trang"
CONVERTER_MISSING = ("tệp Word cũ (.doc), .odt và .rtf cần LibreOffice để đọc; người quản trị "
                     "máy chủ cần cài: sudo apt-get install libreoffice-writer-nogui "
                     "(hoặc mở tệp bằng Word và lưu dạng .docx)")
CONVERT_FAILED = ("LibreOffice không đọc được tệp {suffix} này (tệp hỏng hoặc có mật khẩu?); "
                  "hãy mở bằng Word và lưu dạng .docx")
CONVERT_TOO_SLOW = "chuyển đổi tệp {suffix} quá {seconds} giây nên đã dừng"
FILE_WORKING = ("⏳ Đang nhận dạng chữ {pages} trang quét của {name}; có thể mất vài phút, "
                "tôi sẽ báo khi xong. Trong lúc đó các đồng chí vẫn hỏi đáp bình thường.")
