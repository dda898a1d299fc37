import { Anchor, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "./api";
import { NotFoundPage } from "./StatusPages";
import { ErrorAlert, PageHeader, PageLoader } from "./ui";
import type { QueryState } from "./useApiQuery";

/**
 * The frame of a page that shows one thing loaded by useApiQuery: the loader, "not found" on a 404,
 * the failure (under the link back) with a retry, then the link back, the header and the page.
 */
export function DetailFrame<T>(props: {
  query: QueryState<T> & { retry: () => void };
  /** The copy the server sent back after a change, shown in place of the first load. */
  latest?: T | null;
  back: { to: string; label: string };
  loading: string;
  loadFailed: string;
  header: (data: T) => { title: string; description?: ReactNode; aside?: ReactNode };
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  const back = (
    <Anchor component={Link} to={props.back.to} size="sm" mb="xs" display="block">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {props.back.label}
      </Group>
    </Anchor>
  );
  if (query.status === "error" && query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage />;
  if (query.status === "error") {
    return (
      <>
        {back}
        <ErrorAlert error={query.error} title={props.loadFailed} onRetry={query.retry} />
      </>
    );
  }
  if (query.status === "loading") return <PageLoader label={props.loading} />;
  const data = props.latest ?? query.data;
  const header = props.header(data);
  return (
    <>
      {back}
      <PageHeader title={header.title} description={header.description}>
        {header.aside}
      </PageHeader>
      {props.children(data)}
    </>
  );
}
