import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../app/StatusPages";
import { ActivityFormPage } from "./ActivityFormPage";
import { ActivityListPage } from "./ActivityListPage";

/** /capacity-building: the activities the plenary report lists (the section is guarded by `plenary.manage`). */
export function CapacityBuildingPage() {
  return (
    <Routes>
      <Route index element={<ActivityListPage />} />
      <Route path="new" element={<ActivityFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
