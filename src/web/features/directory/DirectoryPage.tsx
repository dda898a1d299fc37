import { Button, Group, ScrollArea } from "@mantine/core";
import {
  IconChecklist,
  IconFileImport,
  IconGitPullRequest,
  IconPackage,
  IconSearch,
  type TablerIcon,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useLocation } from "react-router-dom";
import { ForbiddenPage, NotFoundPage } from "../../app/StatusPages";
import { useActiveSession } from "../../app/session";
import type { TranslationKey } from "../../i18n/keys";
import { CompletenessPage, ImportPage, ProposalsPage, ReleasesPage } from "./admin";
import { BrowsePage } from "./BrowsePage";
import { PartyPage } from "./PartyPage";

type SubPage = {
  /** Relative to /directory; "" is the browse page. */
  path: string;
  labelKey: TranslationKey;
  icon: TablerIcon;
  /** Any one of these server-granted permissions opens the page. */
  permissions: readonly string[];
  /** Further paths (relative) that belong to this tab. */
  owns?: RegExp;
};

const SUB_PAGES: readonly SubPage[] = [
  { path: "", labelKey: "directory.nav.browse", icon: IconSearch, permissions: ["directory.read"], owns: /^parties\// },
  {
    path: "proposals",
    labelKey: "directory.nav.proposals",
    icon: IconGitPullRequest,
    // Party members see their own Party's proposals there; the Secretariat reviews everyone's.
    permissions: ["directory.manage", "directory.propose"],
  },
  { path: "releases", labelKey: "directory.nav.releases", icon: IconPackage, permissions: ["directory.releases"] },
  { path: "import", labelKey: "directory.nav.import", icon: IconFileImport, permissions: ["directory.manage"] },
  {
    path: "completeness",
    labelKey: "directory.nav.completeness",
    icon: IconChecklist,
    permissions: ["directory.manage"],
  },
];

function allowed(page: SubPage, granted: readonly string[]): boolean {
  return page.permissions.some((p) => granted.includes(p));
}

/** The directory's own pages, shown only to those the server lets open them. */
function DirectoryNav({ pages }: { pages: readonly SubPage[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const rest = location.pathname.replace(/^\/directory\/?/, "");
  if (pages.length < 2) return null;
  return (
    <ScrollArea type="never" mb="md" offsetScrollbars={false}>
      <Group component="nav" aria-label={t("directory.nav.label")} gap={4} wrap="nowrap">
        {pages.map((page) => {
          const active =
            page.path === ""
              ? rest === "" || Boolean(page.owns?.test(rest))
              : rest === page.path || rest.startsWith(`${page.path}/`);
          return (
            <Button
              key={page.path}
              component={Link}
              to={page.path ? `/directory/${page.path}` : "/directory"}
              variant={active ? "light" : "subtle"}
              color={active ? undefined : "gray"}
              size="sm"
              leftSection={<page.icon size={16} aria-hidden />}
              aria-current={active ? "page" : undefined}
              style={{ flexShrink: 0 }}
            >
              {t(page.labelKey)}
            </Button>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

export function DirectoryPage() {
  const session = useActiveSession();
  const granted = session.permissions;
  const visible = SUB_PAGES.filter((page) => allowed(page, granted));
  const guard = (path: string, element: ReactNode) => {
    const page = SUB_PAGES.find((p) => p.path === path);
    return page && allowed(page, granted) ? element : <ForbiddenPage />;
  };

  return (
    <>
      <DirectoryNav pages={visible} />
      <Routes>
        <Route index element={<BrowsePage />} />
        <Route path="parties/:iso2" element={<PartyPage />} />
        <Route path="proposals" element={guard("proposals", <ProposalsPage />)} />
        {/* The releases page holds its own comparison view under releases/… */}
        <Route path="releases/*" element={guard("releases", <ReleasesPage />)} />
        <Route path="import" element={guard("import", <ImportPage />)} />
        <Route path="completeness" element={guard("completeness", <CompletenessPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
