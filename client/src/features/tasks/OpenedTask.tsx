import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api';
import { getTask, taskKeys } from './api';
import { TaskDialog } from './TaskDialog';

/** `/tasks/:id`: the task opens for editing over the list; closing goes back to the list. */
export function OpenedTask({ id, canWrite }: { id: string; canWrite: boolean }) {
  const navigate = useNavigate();
  const opened = useQuery({ queryKey: taskKeys.one(id), queryFn: () => getTask(id) });
  return (
    <>
      {opened.data && canWrite ? (
        <TaskDialog
          key={opened.data.id}
          task={opened.data}
          onClose={() => void navigate('/tasks')}
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
