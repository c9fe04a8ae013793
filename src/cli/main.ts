export async function main(argv: string[]): Promise<number> {
  console.log('fremdrift', argv.join(' '));
  return 0;
}
