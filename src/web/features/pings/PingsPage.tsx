import { Route, Routes } from "react-router-dom";
import { NotFoundPage } from "../../app/StatusPages";
import { useActiveSession } from "../../app/session";
import { CampaignListPage } from "./CampaignListPage";
import { CampaignPage } from "./CampaignPage";
import { NewCampaignPage } from "./NewCampaignPage";
import { OfficerPingsPage } from "./OfficerPingsPage";
import { PartyHistoryPage } from "./PartyHistoryPage";

/** /pings: the Secretariat runs ping tests and reads their reports; a Party's officers answer them. */
export function PingsPage() {
  const session = useActiveSession();
  if (!session.permissions.includes("pings.manage")) return <OfficerPingsPage />;
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path="new" element={<NewCampaignPage />} />
      <Route path="parties/:iso2" element={<PartyHistoryPage />} />
      <Route path=":id" element={<CampaignPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
