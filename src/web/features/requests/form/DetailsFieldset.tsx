import { Checkbox, Fieldset, Group, Input, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DETAIL_LABELS } from "../detailLabels";
import { TYPE_KEYS } from "../labels";
import { detailFields } from "./detailFields";
import type { Period } from "./draft";
import type { BlockProps } from "./types";

/** The substance of the request: the fields of its type's details schema. */
export function DetailsFieldset({ draft, errors, update }: BlockProps) {
  const { t } = useTranslation();
  const set = (name: string, value: string | boolean | Period) =>
    update((d) => ({ ...d, details: { ...d.details, [name]: value } }));
  const text = (name: string) => {
    const v = draft.details[name];
    return typeof v === "string" ? v : "";
  };
  const period = (name: string): Period => {
    const v = draft.details[name];
    return typeof v === "object" && v ? v : { from: "", to: "" };
  };

  return (
    <Fieldset legend={t(TYPE_KEYS[draft.type])} data-testid="block-details">
      <Stack gap="sm">
        {detailFields(draft.type).map((field) => {
          const labels = DETAIL_LABELS[field.name];
          const label = labels ? t(labels.label) : field.name;
          const help = labels?.help ? t(labels.help) : undefined;
          const error = errors[`details.${field.name}`];
          switch (field.input) {
            case "line":
              return (
                <TextInput
                  key={field.name}
                  label={label}
                  description={help}
                  value={text(field.name)}
                  onChange={(e) => set(field.name, e.currentTarget.value)}
                  error={error}
                  required={field.required}
                />
              );
            case "date":
              return (
                <TextInput
                  key={field.name}
                  type="date"
                  label={label}
                  description={help}
                  value={text(field.name)}
                  onChange={(e) => set(field.name, e.currentTarget.value)}
                  error={error}
                  required={field.required}
                  maw={240}
                />
              );
            case "period": {
              const p = period(field.name);
              return (
                <Input.Wrapper
                  key={field.name}
                  label={label}
                  description={help}
                  error={error}
                  required={field.required}
                >
                  <Group gap="xs" grow mt={4} maw={480}>
                    <TextInput
                      type="date"
                      label={t("requests.form.periodFrom")}
                      value={p.from}
                      onChange={(e) => set(field.name, { ...p, from: e.currentTarget.value })}
                      error={errors[`details.${field.name}.from`]}
                    />
                    <TextInput
                      type="date"
                      label={t("requests.form.periodTo")}
                      value={p.to}
                      onChange={(e) => set(field.name, { ...p, to: e.currentTarget.value })}
                      error={errors[`details.${field.name}.to`]}
                    />
                  </Group>
                </Input.Wrapper>
              );
            }
            case "confirm":
              return (
                <Checkbox
                  key={field.name}
                  label={label}
                  description={help}
                  checked={draft.details[field.name] === true}
                  onChange={(e) => set(field.name, e.currentTarget.checked)}
                  error={error}
                  required={field.required}
                />
              );
            default:
              return (
                <Textarea
                  key={field.name}
                  label={label}
                  description={help}
                  value={text(field.name)}
                  onChange={(e) => set(field.name, e.currentTarget.value)}
                  error={error}
                  required={field.required}
                  autosize
                  minRows={2}
                />
              );
          }
        })}
      </Stack>
    </Fieldset>
  );
}
