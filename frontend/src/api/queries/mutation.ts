// The one shape of every mutation in src/api/queries: the call, the queries it makes stale, and
// whatever the page adds (its messages, closing its dialog) through the usual options.
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from "@tanstack/react-query";

/** What a page passes to a mutation hook: its own onSuccess, onError and the rest. */
export type MutationOptions<TData, TVariables> = Omit<UseMutationOptions<TData, Error, TVariables>, "mutationFn">;

/**
 * A mutation that, once it succeeds, invalidates the queries it changed (those on screen are
 * read again) and then runs the page's onSuccess. The refetch is not awaited, so the mutation
 * is done as soon as the server has answered.
 */
export function useApiMutation<TData, TVariables>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  invalidates: (data: TData, variables: TVariables) => readonly QueryKey[],
  options: MutationOptions<TData, TVariables> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn,
    onSuccess: (data, variables, onMutateResult, context) => {
      for (const queryKey of invalidates(data, variables)) void queryClient.invalidateQueries({ queryKey });
      return options.onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}
