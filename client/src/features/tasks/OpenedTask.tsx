import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api';
import { getTask, taskKeys } from './api';
import { TaskDialog } from './TaskDialog';

/**
 * `/tasks/:id`: the task opens for editing over the list; closing goes back to the list, with
 * the list's filters and page that stayed in the address.
 */
export function OpenedTask({ id, canWrite }: { id: string; canWrite: boolean }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const opened = useQuery({ queryKey: taskKeys.one(id), queryFn: () => getTask(id) });
  return (
    <>
      {opened.data && canWrite ? (
        <TaskDialog
          key={opened.data.id}
          task={opened.data}
          onClose={() => void navigate(`/tasks${search}`)}
        />
      ) : null}
      {opened.isError ? (
        <div className="alert alert--danger" role="alert">
          {errorMessage(opened.error)}
        </div>
      ) : null}
    </>
  );
}
