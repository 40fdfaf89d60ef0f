#ifndef CRM_BASE_PAGE_LIMIT_H_
#define CRM_BASE_PAGE_LIMIT_H_

// A page of a list is bounded twice: by page_size (at most 1000 rows) and by
// the bytes one gRPC message may carry (--max_message_bytes). Rows that are
// each within their limits can together exceed a message (a thousand leads
// with long notes, audit events with before/after images), and gRPC refuses
// to send such a response (RESOURCE_EXHAUSTED): those rows could then never be
// read at that page size. So a page ends at whichever bound comes first, and
// its next_page_token continues after the last row kept.

#include <cstddef>
#include <vector>

namespace crm {

// The bytes the rows of one page may fill in a response of at most
// `max_message_bytes`, leaving room for the response's other fields (the page
// token, totals).
size_t PageBytes(int max_message_bytes);

// Bytes counted for each row besides its encoded size: its tag and length in
// the response, and a few derived scalars a handler may add after the store
// (an escalation colour, overdue days).
inline constexpr size_t kPageRowOverheadBytes = 16;

// How many of `rows` (in list order; a std::vector or RepeatedPtrField of
// messages) one page keeps: at most `page_size`, and only as many as fit in
// `max_bytes` (0: no byte bound), counting each row's encoded size plus
// kPageRowOverheadBytes plus `extra_per_row` (what is added to each row
// afterwards). Never 0 when there are rows, so paging always advances.
template <typename Rows>
size_t RowsThatFit(const Rows& rows, size_t page_size, size_t max_bytes, size_t extra_per_row = 0) {
  size_t n = 0;
  size_t bytes = 0;
  for (const auto& row : rows) {
    if (n == page_size) break;
    bytes += row.ByteSizeLong() + kPageRowOverheadBytes + extra_per_row;
    if (max_bytes > 0 && bytes > max_bytes && n > 0) break;
    ++n;
  }
  return n;
}

// Cuts `rows` (read with one row more than the page, to tell whether there is
// a next one) to RowsThatFit. True when rows were cut: there is a next page,
// starting after the new last row.
template <typename Row>
bool TrimPage(std::vector<Row>& rows, size_t page_size, size_t max_bytes, size_t extra_per_row = 0) {
  size_t keep = RowsThatFit(rows, page_size, max_bytes, extra_per_row);
  if (keep == rows.size()) return false;
  rows.resize(keep);
  return true;
}

}  // namespace crm

#endif  // CRM_BASE_PAGE_LIMIT_H_
