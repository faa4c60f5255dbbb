/** The frame of an administration edit (an organisation, a report type): a named region, its fields, the save button, "Đã lưu." or the API's refusal. */
import type { ReactNode } from 'react';
import Header from '@cloudscape-design/components/header';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Toggle from '@cloudscape-design/components/toggle';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';

export function EditPanel(props: { region: string; title: string; description: string; error: string | null; saved: boolean; busy: boolean; canSave: boolean; onSave(): void; children: ReactNode }) {
  return (
    <div role="region" aria-label={props.region}>
      <Container header={<Header variant="h2" description={props.description}>{props.title}</Header>}>
        <Form
          errorText={props.error ?? undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              {props.saved && <Box color="text-status-success">Đã lưu.</Box>}
              <Button variant="primary" loading={props.busy} disabled={!props.canSave} onClick={props.onSave}>
                Lưu thay đổi
              </Button>
            </SpaceBetween>
          }
        >
          <ColumnLayout columns={2}>{props.children}</ColumnLayout>
        </Form>
      </Container>
    </div>
  );
}

/** In use or not (an organisation active, a report type applied), with the words of each state. */
export function StateToggle({ label, checked, on, off, onChange }: { label: string; checked: boolean; on: string; off: string; onChange(checked: boolean): void }) {
  return (
    <FormField label={label}>
      <Toggle checked={checked} onChange={(e) => onChange(e.detail.checked)}>
        {checked ? on : off}
      </Toggle>
    </FormField>
  );
}
