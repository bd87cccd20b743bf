document.body.append('This package fails validation on purpose.')
