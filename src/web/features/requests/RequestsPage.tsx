import { Route, Routes } from "react-router-dom";
import { ForbiddenPage, NotFoundPage } from "../../app/StatusPages";
import { useActiveSession } from "../../app/session";
import { CorrectionPage } from "./correction/CorrectionPage";
import { RequestDetailPage } from "./detail/RequestDetailPage";
import { RequestFormPage } from "./form/RequestFormPage";
import { RequestListPage } from "./RequestListPage";

/** The requests section: the boxes, the form for a new request or a draft, and each request's page. */
export function RequestsPage() {
  const session = useActiveSession();
  const form = session.permissions.includes("requests.write") ? <RequestFormPage /> : <ForbiddenPage />;
  return (
    <Routes>
      <Route index element={<RequestListPage />} />
      <Route path="new" element={form} />
      <Route path=":id/edit" element={form} />
      <Route
        path=":id/correct"
        element={session.permissions.includes("requests.write") ? <CorrectionPage /> : <ForbiddenPage />}
      />
      <Route path=":id" element={<RequestDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
