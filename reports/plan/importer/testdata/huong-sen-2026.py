# Writes huong-sen-2026.docx with python-docx (Debian python3-docx), as a
# script that makes plans would: a header table whose cells hold two lines,
# Word heading styles, the targets in the built-in "List Number" style
# (numbering from the style, not the paragraph), the tasks' numbers typed
# in bold runs. Run from this folder: /usr/bin/python3 huong-sen-2026.py
import docx

d = docx.Document()
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text = "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH\nTRƯỜNG MẦM NON HƯƠNG SEN"
t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
t.cell(1, 0).text = "Số: 15/KH-MNHS"
t.cell(1, 1).text = "Phường Tân Định, ngày 10 tháng 01 năm 2026"
d.add_heading("KẾ HOẠCH", level=1)
d.add_paragraph().add_run("Thực hiện công tác cải cách hành chính năm 2026").bold = True
d.add_heading("I. MỤC TIÊU", level=2)
d.add_paragraph("Nâng cao chất lượng phục vụ phụ huynh.")
d.add_heading("II. CHỈ TIÊU", level=2)
for text in [
    "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt 98% trở lên.",
    "100% hồ sơ trễ hạn được gửi thư xin lỗi.",
    "Tỷ lệ phụ huynh hài lòng về thanh toán học phí đạt từ 95% trở lên.",
    "Văn bản đi được ký số đạt 100%.",
    "Tổ chức 02 buổi tuyên truyền về cải cách hành chính mỗi học kỳ.",
]:
    d.add_paragraph(text, style="List Number")
d.add_heading("III. NHIỆM VỤ TRỌNG TÂM", level=2)
for n, text in [("1.", "Kiện toàn Ban chỉ đạo cải cách hành chính."), ("2.", "Số hóa hồ sơ tuyển sinh.")]:
    p = d.add_paragraph()
    p.add_run(n + " ").bold = True
    p.add_run(text)
d.save("huong-sen-2026.docx")
