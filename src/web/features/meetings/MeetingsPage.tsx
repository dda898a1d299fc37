import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../app/StatusPages";
import { MeetingDetailPage } from "./MeetingDetailPage";
import { MeetingFormPage } from "./MeetingFormPage";
import { MeetingListPage } from "./MeetingListPage";

/** /meetings: the annual meetings of the Network (the section itself is guarded by `plenary.manage`). */
export function MeetingsPage() {
  return (
    <Routes>
      <Route index element={<MeetingListPage />} />
      <Route path="new" element={<MeetingFormPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
