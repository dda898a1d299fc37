import { Center, Container } from "@mantine/core";
import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Navigate, useLocation } from "react-router-dom";
import { InvitationPage } from "../features/accounts";
import { AdminPage } from "../features/admin/AdminPage";
import { SignInPage } from "../features/auth/SignInPage";
import { AuthoritiesPage } from "../features/authorities/AuthoritiesPage";
import { CapacityBuildingPage } from "../features/capacity-building/CapacityBuildingPage";
import { DataProtectionPage } from "../features/data-protection/DataProtectionPage";
import { DirectoryPage } from "../features/directory/DirectoryPage";
import { MAILBOX_PATH, MailboxPage } from "../features/mailbox";
import { MeetingsPage } from "../features/meetings/MeetingsPage";
import { AckPage } from "../features/pings/AckPage";
import { PingsPage } from "../features/pings/PingsPage";
import { RequestsPage } from "../features/requests/RequestsPage";
import { SETTINGS_PATH, SettingsPage } from "../features/settings";
import { StatisticsPage } from "../features/statistics/StatisticsPage";
import { Shell } from "./Shell";
import { CrashPage, ForbiddenPage, NoSectionPage, NotFoundPage } from "./StatusPages";
import { canSee, SECTIONS, type Section, type SectionId, visibleSections } from "./sections";
import { useSession } from "./session";
import { ErrorAlert, PageLoader } from "./ui";

const PAGES: Record<SectionId, ComponentType> = {
  directory: DirectoryPage,
  requests: RequestsPage,
  pings: PingsPage,
  authorities: AuthoritiesPage,
  statistics: StatisticsPage,
  meetings: MeetingsPage,
  capacityBuilding: CapacityBuildingPage,
  dataProtection: DataProtectionPage,
  admin: AdminPage,
};

/** Pages inside the app: wait for the session check, then either show the shell or go to sign-in. */
function RequireSession() {
  const { t } = useTranslation();
  const { loading, checkError, recheck, session } = useSession();
  const location = useLocation();

  if (loading) return <PageLoader fullScreen label={t("app.loading")} />;
  if (session) return <Shell />;
  if (checkError) {
    // The server could not be reached: sending the user to sign-in would wrongly suggest they were signed out.
    return (
      <Center mih="100dvh" p="md">
        <Container size={480} w="100%">
          <ErrorAlert error={checkError} title={t("errors.sessionCheckFailed")} onRetry={recheck} />
        </Container>
      </Center>
    );
  }
  return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

function RequirePermission({ section, children }: { section: Section; children: ReactNode }) {
  const { session } = useSession();
  return canSee(section, session?.permissions ?? []) ? children : <ForbiddenPage />;
}

/** "/" opens the first section this user may see (the directory for most). */
function Home() {
  const { session } = useSession();
  const first = visibleSections(session?.permissions ?? [])[0];
  return first ? <Navigate to={first.path} replace /> : <NoSectionPage />;
}

export const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage />, errorElement: <CrashPage /> },
  // Reached from the invitation e-mail, before the person has an account they can sign in with.
  { path: "/invitation/:token", element: <InvitationPage />, errorElement: <CrashPage /> },
  // A ping test's acknowledgement link: no sign-in, the link is the credential.
  { path: "/ping/:token", element: <AckPage />, errorElement: <CrashPage /> },
  {
    path: "/",
    element: <RequireSession />,
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <Home /> },
      ...SECTIONS.map((section) => {
        const Page = PAGES[section.id];
        return {
          // "/*": a section may hold its own pages (the directory has Parties, releases, …).
          path: `${section.path.slice(1)}/*`,
          element: (
            <RequirePermission section={section}>
              <Page />
            </RequirePermission>
          ),
        };
      }),
      // Not a section: reached from the foot of the navigation, and only where the server has it.
      { path: MAILBOX_PATH.slice(1), element: <MailboxPage /> },
      // Every signed-in user's own settings.
      { path: SETTINGS_PATH.slice(1), element: <SettingsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
