// The devbox example's source folder, bind-mounted into the container at /workspace/src.
console.log('hello from the devbox');
